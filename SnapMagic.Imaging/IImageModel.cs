namespace SnapMagic.Imaging;

/// <summary>
/// Paints a card: the card template with its art window (see <see cref="CardTemplate.ArtWindow"/>) filled
/// from the prompt. Returns the finished card as PNG bytes. Failures are <see cref="ImageModelException"/>s.
/// </summary>
public interface IImageModel
{
    Task<byte[]> PaintCardAsync(CardImageRequest request, CancellationToken cancellationToken = default);
}

public sealed record CardImageRequest(string CorrelationId, string Prompt, int? Seed = null);
