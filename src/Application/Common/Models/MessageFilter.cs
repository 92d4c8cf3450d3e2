namespace Messaging.Application.Common.Models;

/// <summary>Optional filters for listing messages; <see cref="Contact"/> is a canonical WhatsApp address.</summary>
public sealed record MessageFilter(string? Contact = null, MessageDirection? Direction = null, MessageStatus? Status = null);
