namespace SnapMagic.Api.Organizer;

/// <summary>
/// Section <c>Organizer</c>: what the summary's cost estimates assume. (The organizers' login in the same section is
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

    /// <summary>
    /// Luma AI Ray2 (the default video model) on Amazon Bedrock, 720p: USD 1.50 per second of video on the Amazon Bedrock
    /// pricing page (aws.amazon.com/bedrock/pricing, Luma AI section, as published since Ray2's launch on Bedrock in January
    /// 2025; the page itself could not be fetched from this machine, so check it before an event), × 5 s per clip = USD 7.50.
    /// </summary>
    public const decimal DefaultPricePerVideoUsd = 7.50m;

    public decimal PricePerVideoUsd { get; set; } = DefaultPricePerVideoUsd;
}
