using Messaging.Domain.Templates;

namespace Messaging.Application.Templates;

/// <summary>
/// Checks a template send against the account's catalogue before Twilio is called, and gives the text the customer
/// will receive. Twilio itself accepts a template that is not approved and fails it later (63016, 63040), and fills
/// variables a send leaves out with the sample values the template was submitted with — a stranger's name in a
/// customer's message — so those are refused here, with the reason.
/// </summary>
public sealed class TemplateSendGuard(TemplateCatalogue catalogue, IOptionsMonitor<TemplateOptions> options)
{
    private readonly TemplateCatalogue _catalogue = catalogue;

    /// <summary>
    /// The template's text with <paramref name="variables"/> filled in (null for a template without text), or
    /// <see cref="TemplateNotSendableException"/> when the template is unknown, not approved for WhatsApp, or the
    /// variables are not exactly the template's.
    /// </summary>
    public async Task<string?> RenderAsync(string contentSid, IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentSid);
        var template = await FindSendable(contentSid, cancellationToken);

        var given = variables ?? new Dictionary<string, string>();
        var expected = template.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var missing = template.Variables.Select(v => v.Name).Where(name => !given.ContainsKey(name)).ToList();
        var extra = TemplateText.Ordered(given.Keys.Where(name => !expected.Contains(name)));
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new TemplateNotSendableException(
                contentSid,
                VariablesMismatch(template, missing, extra),
                missingVariables: missing,
                extraVariables: extra);
        }

        return template.Text is null ? null : TemplateText.Render(template.Text, given);
    }

    private async Task<ContentTemplate> FindSendable(string contentSid, CancellationToken cancellationToken)
    {
        var catalogue = await _catalogue.GetAsync(cancellationToken);
        if (!IsSendable(catalogue, contentSid))
        {
            // Approved or created a moment ago? Read again, but not for every send of an unknown SID.
            catalogue = await _catalogue.GetAsync(TimeSpan.FromSeconds(options.CurrentValue.RecheckSeconds), cancellationToken);
        }

        if (!catalogue.TryFind(contentSid, out var template))
        {
            throw new TemplateNotSendableException(
                contentSid,
                $"This Twilio account has no content template {contentSid}. GET /api/templates lists the templates there are.");
        }

        if (!template.IsApprovedForWhatsApp)
        {
            throw new TemplateNotSendableException(
                contentSid,
                NotApproved(template),
                approvalStatus: template.ApprovalStatus);
        }

        return template;
    }

    private static bool IsSendable(TemplateCatalogueSnapshot catalogue, string contentSid) =>
        catalogue.TryFind(contentSid, out var template) && template.IsApprovedForWhatsApp;

    private static string NotApproved(ContentTemplate template)
    {
        var status = template.ApprovalStatus is null
            ? "Twilio reports no WhatsApp approval for it"
            : $"its WhatsApp approval status is '{template.ApprovalStatus}'";
        var reason = string.IsNullOrWhiteSpace(template.RejectionReason) ? string.Empty : $" ({template.RejectionReason})";
        return $"The template '{template.FriendlyName}' ({template.Sid}) is not approved for WhatsApp: {status}{reason}. Only an approved template can be sent.";
    }

    private static string VariablesMismatch(ContentTemplate template, List<string> missing, IReadOnlyList<string> extra)
    {
        var wanted = template.Variables.Count == 0
            ? "takes no variables"
            : $"takes the variables {string.Join(", ", template.Variables.Select(v => v.Name))}";
        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add($"missing: {string.Join(", ", missing)}");
        }

        if (extra.Count > 0)
        {
            problems.Add($"not in the template: {string.Join(", ", extra)}");
        }

        return $"The template '{template.FriendlyName}' ({template.Sid}) {wanted}; {string.Join("; ", problems)}.";
    }
}
