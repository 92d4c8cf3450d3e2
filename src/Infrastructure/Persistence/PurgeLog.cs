namespace Messaging.Infrastructure.Persistence;

internal static partial class PurgeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} {Rows}")]
    public static partial void Purged(ILogger logger, int count, string rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting {Rows} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string rows);
}
