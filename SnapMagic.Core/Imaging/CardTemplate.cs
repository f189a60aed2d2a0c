namespace SnapMagic.Imaging;

/// <summary>The card template the project ships, and the art window the image model paints.</summary>
public static class CardTemplate
{
    /// <summary>Art window, inclusive pixel corners (69,78) to (618,570), as in the original event system.</summary>
    public static readonly (int Left, int Top, int Right, int Bottom) ArtWindow = (69, 78, 618, 570);
}
