using Messaging.Domain.Conversations;

namespace Messaging.Application.Conversations;

/// <summary>
/// Refuses a free-form message to a contact whose customer-service window is closed. Twilio would accept it and fail
/// it later (63016), leaving a failed message and no answer for the caller; refusing up front says at once that a
/// template is needed. Templates are checked by <see cref="Templates.TemplateSendGuard"/> instead.
/// </summary>
public sealed class CustomerServiceWindowGuard(
    IConversationRepository conversations,
    IOptions<CustomerServiceWindowOptions> options,
    TimeProvider timeProvider)
{
    /// <summary>Returns when a free-form message may be sent to <paramref name="to"/>; otherwise throws
    /// <see cref="CustomerServiceWindowClosedException"/>.</summary>
    public async Task EnsureOpen(WhatsAppAddress to, CancellationToken cancellationToken)
    {
        if (!options.Value.EnforceCustomerServiceWindow)
        {
            return;
        }

        var lastInboundAt = await conversations.GetLastInboundAt(to.Value, cancellationToken);
        if (!CustomerServiceWindow.IsOpen(lastInboundAt, timeProvider.GetUtcNow()))
        {
            throw new CustomerServiceWindowClosedException(to.Value, CustomerServiceWindow.OpenUntil(lastInboundAt));
        }
    }
}
