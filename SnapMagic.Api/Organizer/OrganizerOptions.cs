namespace SnapMagic.Api.Organizer;

/// <summary>
/// Section <c>Organizer</c>: what the summary's cost estimate assumes. (The organizers' login in the same section is
/// Auth's <c>OrganizerLoginOptions</c>.)
/// </summary>
public sealed class OrganizerOptions
{
    public const string Section = "Organizer";

    /// <summary>
    /// Amazon Nova Canvas, premium quality, up to 1024×1024 (the card is 688×1024), on-demand in us-east-1:
    /// USD 0.06 per image on the Amazon Bedrock pricing page (November 2026).
    /// </summary>
    public const decimal DefaultPricePerImageUsd = 0.06m;

    public decimal PricePerImageUsd { get; set; } = DefaultPricePerImageUsd;
}
