using System.Text;
using Messaging.Application.Common.Addresses;
using Messaging.Application.Conversations.Queries.GetConversations;
using Messaging.Application.Messages.Commands.SendMessage;
using Messaging.Application.Messages.Queries.GetMessages;

namespace Messaging.Application.UnitTests;

/// <summary>
/// Whatever a client sends, parsing and validation answer with a result and never throw;
/// and an address the parser accepts is canonical: parsing it again gives itself.
/// </summary>
public sealed class RandomInputTests
{
    private const int Seed = 1_600_2048;
    private const int Runs = 3000;

    private static readonly string[] Fragments =
    [
        "+", "whatsapp:", "WhatsApp:", "sms:", "1", "44", "4155550123", "7700900123", "0", "00", " ", "\t", "\n", "\0", "\u0007",
        "\u200B", "\u00A0", "١", "１", "ſ", "ı", "x", "ext=", ";", "-", "(", ")", "https://", "http://", "example.com/a.png",
        "HX", "0123456789abcdef", "%00", "%", "\uD83D\uDE00", "\uD800", "\uDC00", "é", "ß", "İ", "=", "/", "_",
    ];

    [Test]
    public void The_address_parser_only_ever_answers()
    {
        var random = new Random(Seed);
        var accepted = 0;
        for (var run = 0; run < Runs; run++)
        {
            var input = RandomInput(random);

            Assert.DoesNotThrow(() => WhatsAppAddressParser.TryParse(input, out _), Describe(input));
            if (WhatsAppAddressParser.TryParse(input, out var address))
            {
                accepted++;
                Assert.That(WhatsAppAddressParser.TryParse(address.Value, out var again), Is.True, Describe(input));
                Assert.That(again, Is.EqualTo(address));
                Assert.That(address.Value, Does.Match(@"^whatsapp:\+[1-9][0-9]{7,14}$"));
            }
        }

        // The generator must reach the accepting side too, or the canonical-form checks above prove nothing.
        Assert.That(accepted, Is.GreaterThan(10));
    }

    [Test]
    public void Mutations_of_a_valid_number_are_refused_or_stay_canonical()
    {
        var random = new Random(Seed + 1);
        for (var run = 0; run < Runs; run++)
        {
            var input = new StringBuilder("whatsapp:+14155550123");
            var position = random.Next(input.Length + 1);
            input.Insert(position, Fragments[random.Next(Fragments.Length)]);
            var text = input.ToString();

            if (WhatsAppAddressParser.TryParse(text, out var address))
            {
                Assert.That(address.Value, Does.Match(@"^whatsapp:\+[1-9][0-9]{7,14}$"), Describe(text));
                // Only the prefix's case and surrounding whitespace may differ: the number is never rewritten.
                Assert.That(text.Trim().EndsWith(address.E164, StringComparison.Ordinal), Is.True, Describe(text));
                Assert.That(text.Trim()[..^address.E164.Length], Is.Empty.Or.EqualTo("whatsapp:").IgnoreCase, Describe(text));
            }
        }
    }

    [Test]
    public void The_send_validator_only_ever_answers()
    {
        var random = new Random(Seed + 2);
        var validator = new SendMessageCommandValidator();
        for (var run = 0; run < Runs; run++)
        {
            var command = new SendMessageCommand(
                RandomInput(random) ?? string.Empty,
                RandomInput(random),
                random.Next(3) == 0 ? null : [.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomInput(random) ?? string.Empty)],
                RandomInput(random),
                random.Next(3) == 0 ? null : new Dictionary<string, string> { [RandomInput(random) ?? string.Empty] = RandomInput(random) ?? string.Empty });

            Assert.DoesNotThrow(() => validator.Validate(command), Describe(command.To));
        }
    }

    [Test]
    public void The_listing_validator_and_cursor_only_ever_answer()
    {
        var random = new Random(Seed + 3);
        var validator = new GetMessagesQueryValidator();
        for (var run = 0; run < Runs; run++)
        {
            var query = new GetMessagesQuery(RandomInput(random), RandomInput(random), RandomInput(random), random.Next(-5, 300), RandomInput(random));

            Assert.DoesNotThrow(() => validator.Validate(query), Describe(query.Cursor));
            Assert.DoesNotThrow(() => MessageCursor.TryDecode(query.Cursor, out _), Describe(query.Cursor));
        }
    }

    [Test]
    public void The_conversation_listing_validator_and_cursor_only_ever_answer()
    {
        var random = new Random(Seed + 4);
        var validator = new GetConversationsQueryValidator();
        for (var run = 0; run < Runs; run++)
        {
            var query = new GetConversationsQuery(random.Next(-5, 300), RandomInput(random));

            Assert.DoesNotThrow(() => validator.Validate(query), Describe(query.Cursor));
            Assert.DoesNotThrow(() => ConversationCursor.TryDecode(query.Cursor, out _), Describe(query.Cursor));
        }
    }

    [Test]
    public void A_conversation_cursor_that_decodes_encodes_back_to_the_same_token()
    {
        var random = new Random(Seed + 5);
        var accepted = 0;
        for (var run = 0; run < Runs; run++)
        {
            // Mostly well-formed headers over random contacts, so the decoder's deeper checks are reached.
            var contact = random.Next(3) == 0
                ? RandomInput(random) ?? string.Empty
                : "whatsapp:+" + string.Concat(Enumerable.Range(0, random.Next(6, 18)).Select(_ => (char)('0' + random.Next(10))));
            var text = Encoding.UTF8.GetBytes(contact.Length > 40 ? contact[..40] : contact);
            var bytes = new byte[10 + text.Length];
            bytes[0] = (byte)(random.Next(10) == 0 ? random.Next(256) : 1);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1, 8), random.NextInt64(0, DateTimeOffset.MaxValue.UtcTicks));
            bytes[9] = (byte)(random.Next(10) == 0 ? random.Next(256) : text.Length);
            text.CopyTo(bytes.AsSpan(10));
            var token = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

            if (ConversationCursor.TryDecode(token, out var cursor))
            {
                accepted++;
                Assert.That(cursor.Encode(), Is.EqualTo(token), Describe(token));
            }
        }

        Assert.That(accepted, Is.GreaterThan(Runs / 10), "the generator must reach the accepting path");
    }

    private static string? RandomInput(Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                return null;
            case 1:
                // Huge input: parsers must not choke on length.
                return new string((char)random.Next(0x20, 0x7F), random.Next(10_000, 200_000));
            case 2:
                return new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0, 0x10000)).ToArray());
            case 3:
                return "+" + string.Concat(Enumerable.Range(0, random.Next(0, 18)).Select(_ => (char)('0' + random.Next(10))));
            case 4:
                // Plausible numbers from real country codes, so the accepting path is exercised.
                string[] starts = ["+1415555", "+1500555", "+4477009", "+44791112", "+55119876", "+4915112", "+9198765", "+3906123"];
                return "whatsapp:" + starts[random.Next(starts.Length)] + string.Concat(Enumerable.Range(0, random.Next(2, 6)).Select(_ => (char)('0' + random.Next(10))));
            default:
                var builder = new StringBuilder();
                for (var i = random.Next(0, 8); i > 0; i--)
                {
                    builder.Append(Fragments[random.Next(Fragments.Length)]);
                }

                return builder.ToString();
        }
    }

    private static string Describe(string? input) =>
        input is null ? "input: null" : $"input ({input.Length} chars): {Escape(input.Length > 80 ? input[..80] : input)}";

    private static string Escape(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
