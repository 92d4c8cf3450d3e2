using System.Globalization;

namespace Messaging.LoadTest;

/// <summary>The customers of the load test: +1 415 555 0000 to 9999, numbers libphonenumber accepts.</summary>
internal static class Contacts
{
    public const int Count = 10_000;

    public static string Number(int index) => "+1415555" + (index % Count).ToString("D4", CultureInfo.InvariantCulture);

    public static string Address(int index) => "whatsapp:" + Number(index);
}
