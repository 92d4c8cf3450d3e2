using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Messaging.Api.Authorization;

namespace Messaging.Api.Authentication;

/// <summary>The <c>generate-api-key &lt;name&gt;</c> command: prints a new key, its hash and its configuration entry.</summary>
public static class ApiKeyGenerator
{
    public const string Command = "generate-api-key";

    private const int KeyBytes = 32;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A new random key: 256 bits, URL-safe Base64 so it fits any header unquoted.</summary>
    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>Handles the command if <paramref name="args"/> is one; returns the exit code, or null to run the service.</summary>
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] != Command)
        {
            return null;
        }

        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]) || args[1].Length > ApiKeyOptions.MaxNameLength)
        {
            error.WriteLine($"Usage: {Command} <name>   (a name of 1 to {ApiKeyOptions.MaxNameLength} characters that identifies the client)");
            return 2;
        }

        var key = NewKey();
        var entry = new ApiKeyEntry
        {
            Name = args[1].Trim(),
            Sha256 = ApiKeyHash.HexOf(key),
            Scopes = [ApiScopes.MessagesSend, ApiScopes.MessagesRead],
        };
        output.WriteLine($"API key (give it to the client; it is not stored anywhere): {key}");
        output.WriteLine($"SHA-256: {entry.Sha256}");
        output.WriteLine("Add this entry to Auth:ApiKeys, keeping only the scopes the client needs:");
        output.WriteLine(JsonSerializer.Serialize(entry, Indented));
        return 0;
    }
}
