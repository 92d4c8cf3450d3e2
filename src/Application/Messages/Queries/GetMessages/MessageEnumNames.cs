using System.Diagnostics.CodeAnalysis;

namespace Messaging.Application.Messages.Queries.GetMessages;

/// <summary>
/// Reads enum values by name only. <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> also takes numbers
/// ("1", even "99") and comma lists, which would let a client filter on values no message can have.
/// </summary>
public static class MessageEnumNames
{
    public static bool TryParse<TEnum>(string? name, [NotNullWhen(true)] out TEnum? value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            // ASCII-only case folding: no Unicode look-alike of a name is taken for it.
            if (name is not null && System.Text.Ascii.EqualsIgnoreCase(candidate.ToString(), name))
            {
                value = candidate;
                return true;
            }
        }

        value = null;
        return false;
    }
}
