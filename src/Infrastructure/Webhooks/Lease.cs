namespace Messaging.Infrastructure.Webhooks;

/// <summary>
/// A role only one instance may play at a time, held until <see cref="ExpiresAt"/> by <see cref="Holder"/>. Taken and
/// renewed by one conditional update, so two instances never both believe they hold it.
/// </summary>
internal sealed class Lease
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The instance that holds it; empty when none ever did.</summary>
    public string Holder { get; set; } = string.Empty;

    public DateTimeOffset ExpiresAt { get; set; }
}
