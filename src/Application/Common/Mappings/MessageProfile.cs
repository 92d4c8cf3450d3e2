using AutoMapper;
using Messaging.Application.Messages;

namespace Messaging.Application.Common.Mappings;

public sealed class MessageProfile : Profile
{
    public MessageProfile()
    {
        CreateMap<MessageMedia, MessageMediaDto>();
        CreateMap<Message, MessageDto>();
    }
}
