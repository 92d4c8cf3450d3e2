namespace Messaging.Application.Common.Exceptions;

/// <summary>The requested resource does not exist.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static NotFoundException For(string resource, object key) => new($"{resource} '{key}' was not found.");
}
