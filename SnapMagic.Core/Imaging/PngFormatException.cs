namespace SnapMagic.Imaging;

/// <summary>The bytes are not a PNG this codec can read; the message says what is wrong.</summary>
public sealed class PngFormatException(string message, Exception? inner = null) : FormatException(message, inner);
