using FluentValidation;
using Messaging.Application.Messages.Commands.ReceiveInboundMessage;
using Messaging.Application.Messages.Commands.SendMessage;
using Messaging.Application.Messages.Commands.UpdateMessageStatus;
using Messaging.Application.Webhooks;
using Messaging.Application.Webhooks.Commands.CreateWebhookSubscription;
using Microsoft.Extensions.Options;

namespace Messaging.Application.UnitTests.Common.Validation;

public sealed class RequiredRuleExtensionsTests
{
    private const string Sid = "SM11111111111111111111111111111111";
    private const string Address = "+14155550123";

    // Every required field of a request, missing: the one failure names it as the request spells it, and the rule's
    // later checks add nothing.
    private static IEnumerable<TestCaseData> MissingFields()
    {
        yield return Case(new ReceiveInboundMessageCommandValidator(), new ReceiveInboundMessageCommand("", Address, Address), "MessageSid");
        yield return Case(new ReceiveInboundMessageCommandValidator(), new ReceiveInboundMessageCommand(Sid, null, Address), "From");
        yield return Case(new ReceiveInboundMessageCommandValidator(), new ReceiveInboundMessageCommand(Sid, Address, " "), "To");
        yield return Case(new UpdateMessageStatusCommandValidator(), new UpdateMessageStatusCommand(null, "sent"), "MessageSid");
        yield return Case(new UpdateMessageStatusCommandValidator(), new UpdateMessageStatusCommand(Sid, ""), "MessageStatus");
        yield return Case(new SendMessageCommandValidator(), new SendMessageCommand("", "hello"), "To");
        yield return Case(
            new CreateWebhookSubscriptionCommandValidator(Options.Create(new WebhookOptions())),
            new CreateWebhookSubscriptionCommand("", ["message.received"]),
            "Url");
    }

    [TestCaseSource(nameof(MissingFields))]
    public void A_missing_required_field_is_said_to_be_required(IValidator validator, object request, string property)
    {
        var result = validator.Validate(new ValidationContext<object>(request));

        Assert.That(
            result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)),
            Is.EqualTo(new[] { (property, $"'{property}' is required.") }));
    }

    private static TestCaseData Case<T>(AbstractValidator<T> validator, T request, string property) =>
        new TestCaseData(validator, request, property).SetArgDisplayNames(typeof(T).Name, property);
}
