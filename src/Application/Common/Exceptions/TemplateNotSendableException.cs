namespace Messaging.Application.Common.Exceptions;

/// <summary>
/// A send named a content template that cannot go out as asked: the account has no such template, WhatsApp has not
/// approved it, or the variables given are not the template's. Nothing was sent or stored.
/// </summary>
public sealed class TemplateNotSendableException : Exception
{
    public TemplateNotSendableException()
    {
    }

    public TemplateNotSendableException(string message)
        : base(message)
    {
    }

    public TemplateNotSendableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemplateNotSendableException(
        string contentSid,
        string message,
        string? approvalStatus = null,
        IReadOnlyList<string>? missingVariables = null,
        IReadOnlyList<string>? extraVariables = null)
        : base(message)
    {
        ContentSid = contentSid;
        ApprovalStatus = approvalStatus;
        MissingVariables = missingVariables ?? [];
        ExtraVariables = extraVariables ?? [];
    }

    public string? ContentSid { get; }

    /// <summary>The template's WhatsApp approval status as Twilio reports it, when the template exists but is not approved.</summary>
    public string? ApprovalStatus { get; }

    /// <summary>Variables of the template the send gave no value for.</summary>
    public IReadOnlyList<string> MissingVariables { get; } = [];

    /// <summary>Variables the send gave that the template does not have.</summary>
    public IReadOnlyList<string> ExtraVariables { get; } = [];
}
