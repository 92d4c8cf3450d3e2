using System.Text.Json.Nodes;

namespace Messaging.Api.FunctionalTests;

/// <summary>The published API description tells clients every answer the key check can give.</summary>
public sealed class OpenApiDocumentTests
{
    [Test]
    public async Task Every_operation_behind_an_api_key_declares_401_and_403_as_problems()
    {
        using var factory = new MessagingApiFactory();
        using var client = factory.CreateClient(apiKey: null);

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        var operations = document["paths"]!.AsObject()
            // Twilio's webhooks carry Twilio's signature instead of a key.
            .Where(path => path.Key.StartsWith("/api/", StringComparison.Ordinal) && !path.Key.StartsWith("/api/webhooks/twilio/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Name: $"{operation.Key.ToUpperInvariant()} {path.Key}", Responses: operation.Value!["responses"]!)))
            .ToList();
        Assert.That(operations, Has.Count.GreaterThan(10), "the document lists the API's operations");
        Assert.Multiple(() =>
        {
            foreach (var (name, responses) in operations)
            {
                foreach (var status in new[] { "401", "403" })
                {
                    Assert.That(responses[status]?["content"]?["application/problem+json"], Is.Not.Null, $"{name} declares {status}");
                }
            }
        });
    }
}
