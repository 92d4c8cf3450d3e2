namespace Messaging.Application.Common.Models;

/// <summary>
/// The most characters each stored text column holds. The database configuration sizes the columns with these and the
/// validators refuse longer input with the same numbers, so what passes validation always fits.
/// </summary>
public static class StoredLengths
{
    /// <summary>A Twilio SID (message or content template). Twilio's are 34 characters.</summary>
    public const int Sid = 64;

    /// <summary>A WhatsApp address: "whatsapp:+" and at most 15 digits.</summary>
    public const int Address = 32;

    /// <summary>The WhatsApp profile name a customer chose.</summary>
    public const int ProfileName = 256;

    /// <summary>The name of a direction or status, stored as text.</summary>
    public const int EnumName = 16;
}
