namespace SnapMagic.Api.Organizer;

/// <summary>Section <c>Organizer</c>: the organizers' own login and what the summary's cost estimate assumes.</summary>
public sealed class OrganizerOptions
{
    public const string Section = "Organizer";

    /// <summary>
    /// Amazon Nova Canvas, premium quality, up to 1024×1024 (the card is 688×1024), on-demand in us-east-1:
    /// USD 0.06 per image on the Amazon Bedrock pricing page (November 2026).
    /// </summary>
    public const decimal DefaultPricePerImageUsd = 0.06m;

    public string? Username { get; set; }
    public string? Password { get; set; }
    public decimal PricePerImageUsd { get; set; } = DefaultPricePerImageUsd;
}
