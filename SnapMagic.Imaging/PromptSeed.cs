using System.Security.Cryptography;
using System.Text;

namespace SnapMagic.Imaging;

/// <summary>
/// Stable numbers from a prompt (SHA-256 of its UTF-8 bytes), the same on every machine and run, unlike
/// <see cref="string.GetHashCode()"/>.
/// </summary>
public static class PromptSeed
{
    public static ulong Of(string prompt)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(prompt), hash);
        return BitConverter.ToUInt64(hash[..8]) ^ BitConverter.ToUInt64(hash[8..16]);
    }

    /// <summary>A seed in 0..<paramref name="maxInclusive"/> derived from the prompt.</summary>
    public static int InRange(string prompt, int maxInclusive) => (int)(Of(prompt) % ((ulong)maxInclusive + 1));
}
