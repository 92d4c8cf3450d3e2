namespace Messaging.TwilioEmulator;

/// <summary>What a developer asked <c>POST /emulator/inbound</c> to simulate, already checked.</summary>
internal sealed record InboundInput(string From, string? Body, string? MediaContentType, string? ProfileName);
