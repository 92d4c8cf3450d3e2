using Messaging.Application.Messages.Queries.GetMessageById;

namespace Messaging.Application.UnitTests.Messages.Queries.GetMessageById;

public sealed class GetMessageByIdQueryHandlerTests
{
    [Test]
    public async Task A_stored_message_is_returned()
    {
        var stored = TestMessages.Outbound("SM1", ApplicationServices.Now, "hello");
        var repository = new Mock<IMessageRepository>(MockBehavior.Strict);
        repository.Setup(r => r.GetById(stored.Id, It.IsAny<CancellationToken>())).ReturnsAsync(stored);

        var dto = await new GetMessageByIdQueryHandler(repository.Object, TestMapper.Instance)
            .Handle(new GetMessageByIdQuery(stored.Id), CancellationToken.None);

        Assert.That(dto.Id, Is.EqualTo(stored.Id));
        Assert.That(dto.Body, Is.EqualTo("hello"));
    }

    [Test]
    public async Task An_unknown_id_is_not_found()
    {
        var id = Guid.CreateVersion7();
        var repository = new Mock<IMessageRepository>(MockBehavior.Strict);
        repository.Setup(r => r.GetById(id, It.IsAny<CancellationToken>())).ReturnsAsync((Message?)null);

        var thrown = await Assert.ThrowsAsync<NotFoundException>(
            () => new GetMessageByIdQueryHandler(repository.Object, TestMapper.Instance).Handle(new GetMessageByIdQuery(id), CancellationToken.None));

        Assert.That(thrown!.Message, Does.Contain(id.ToString()));
    }
}
