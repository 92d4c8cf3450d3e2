namespace Messaging.Application.Common.Models;

/// <summary>A variable of a content template: its name (<c>1</c> for <c>{{1}}</c>) and the sample value the template was submitted with.</summary>
public sealed record TemplateVariable(string Name, string? Sample);
