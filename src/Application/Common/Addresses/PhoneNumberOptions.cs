namespace Messaging.Application.Common.Addresses;

/// <summary>How numbers typed by people are read (section <c>Messaging</c>).</summary>
public sealed class PhoneNumberOptions
{
    public const string SectionName = "Messaging";

    /// <summary>
    /// The region (ISO 3166 code such as <c>US</c> or <c>GB</c>) whose national format a number typed without a
    /// country code is read in, e.g. <c>(415) 555-0123</c> with <c>US</c>. Empty: only numbers that start with
    /// <c>+</c> and the country code are understood.
    /// </summary>
    public string? DefaultRegion { get; set; }
}
