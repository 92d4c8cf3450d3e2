using System.Text;
using Messaging.Application.Common.Addresses;

namespace Messaging.Application.UnitTests.Common.Addresses;

/// <summary>
/// Every reader of a number asks the domain's one shape check. If a reader grew a check of its own with other bounds,
/// one of these comparisons over every length and many digit strings finds the number on which they disagree.
/// </summary>
public sealed class AddressShapeAgreementTests
{
    private static IEnumerable<string> Candidates()
    {
        var random = new Random(29);
        for (var digits = 1; digits <= 17; digits++)
        {
            for (var i = 0; i < 300; i++)
            {
                var text = new StringBuilder("+");
                for (var d = 0; d < digits; d++)
                {
                    text.Append((char)('0' + random.Next(10)));
                }

                yield return text.ToString();
            }
        }
    }

    [Test]
    public void The_parser_accepts_no_number_the_domain_refuses_and_stores_what_it_was_given()
    {
        var accepted = 0;
        foreach (var candidate in Candidates())
        {
            if (WhatsAppAddressParser.TryParse(candidate, out var address))
            {
                accepted++;
                Assert.That(WhatsAppAddress.IsE164Shape(candidate), Is.True, candidate);
                Assert.That(address.E164, Is.EqualTo(candidate));
            }
        }

        // Valid numbers are a minority of random digit strings; without any the comparison above proved nothing.
        Assert.That(accepted, Is.GreaterThan(100));
    }

    [Test]
    public void The_conversation_cursor_accepts_a_contact_exactly_when_the_domain_does()
    {
        var at = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        foreach (var candidate in Candidates())
        {
            var contact = WhatsAppAddress.Prefix + candidate;
            var token = new ConversationCursor(at, contact).Encode();

            Assert.That(ConversationCursor.TryDecode(token, out _), Is.EqualTo(WhatsAppAddress.IsE164Shape(candidate)), candidate);
        }
    }
}
