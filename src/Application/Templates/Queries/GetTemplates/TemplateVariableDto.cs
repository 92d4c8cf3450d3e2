namespace Messaging.Application.Templates.Queries.GetTemplates;

/// <summary>A template variable: <c>1</c> for <c>{{1}}</c>, and the sample value the template was submitted with.</summary>
public sealed record TemplateVariableDto(string Name, string? Sample);
