namespace Messaging.Application.UnitTests.TestSupport;

/// <summary>
/// Strict mocks of Twilio and the message store for a send: Twilio queues every message it is given as
/// <see cref="Sid"/>, the store inserts every message. What each received is kept, and <see cref="Calls"/> holds
/// "send" and "save" in the order they happened.
/// </summary>
public sealed class SendPorts
{
    public const string Sid = "SM0123456789abcdef0123456789abcdef";

    public SendPorts()
    {
        Gateway = new Mock<ITwilioGateway>(MockBehavior.Strict);
        Gateway.SetupGet(g => g.SenderAddress).Returns(TestMessages.Sender);
        Gateway
            .Setup(g => g.SendAsync(It.IsAny<TwilioSendRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TwilioSendRequest request, CancellationToken _) =>
            {
                Calls.Add("send");
                Sent.Add(request);
            })
            .ReturnsAsync(new TwilioSendResult(Sid, MessageStatus.Queued));
        Repository = new Mock<IMessageRepository>(MockBehavior.Strict);
        Repository
            .Setup(r => r.AddIfAbsent(It.IsAny<Message>(), It.IsAny<CancellationToken>()))
            .Callback((Message message, CancellationToken _) =>
            {
                Calls.Add("save");
                Stored.Add(message);
            })
            .ReturnsAsync((Message message, CancellationToken _) => new AddIfAbsentResult(message, Inserted: true));
    }

    public Mock<ITwilioGateway> Gateway { get; }

    public Mock<IMessageRepository> Repository { get; }

    public List<TwilioSendRequest> Sent { get; } = [];

    public List<Message> Stored { get; } = [];

    public List<string> Calls { get; } = [];
}
