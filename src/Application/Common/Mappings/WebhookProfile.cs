using AutoMapper;
using Messaging.Application.Webhooks;
using Messaging.Domain.Webhooks;

namespace Messaging.Application.Common.Mappings;

public sealed class WebhookProfile : Profile
{
    public WebhookProfile()
    {
        CreateMap<WebhookSubscription, WebhookSubscriptionDto>();
        CreateMap<WebhookSubscription, WebhookSubscriptionWithSecretDto>();
        CreateMap<WebhookDelivery, WebhookDeliveryDto>()
            .ForMember(dto => dto.Position, member => member.MapFrom(delivery => delivery.EventPosition));
    }
}
