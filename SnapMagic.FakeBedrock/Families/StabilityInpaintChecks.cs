using System.Text.Json.Nodes;
using SkiaSharp;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// Stability AI Image Services Inpaint (InvokeModel on a <c>stability.</c> model): image and mask base64, the
/// mask's WHITE pixels repainted and black kept, prompt up to 10,000 characters, seed 0-4294967294, output_format
/// png/jpeg/webp. The fake is stricter than the service where our own requests are concerned: PNG only and a pure
/// black/white mask, so a mask sent in Nova's (reverse) convention shows up as the wrong area being painted.
/// </summary>
public sealed partial class FakeBedrockServer
{
    public const int StabilityMaxPromptLength = 10000;
    public const long StabilityMaxSeed = 4294967294;
    public const int StabilityMinSide = 64;
    public const int StabilityMinPixels = 4096;
    public const int StabilityMaxPixels = 9437184;

    private static readonly HashSet<string> StabilityInpaintFields =
        ["image", "mask", "prompt", "negative_prompt", "seed", "output_format", "grow_mask", "style_preset"];

    private static SKBitmap? CheckStabilityInpaint(byte[] body, string? contentType, List<string> failures, ref FakeBedrockRequest recorded)
    {
        if (ReadJsonObject(body, contentType, failures) is not { } json)
            return null;
        RefuseUnknownFields(json, StabilityInpaintFields, "Stability Inpaint", failures);
        recorded = recorded with
        {
            Text = json["prompt"]?.GetValue<string>(),
            NegativeText = json["negative_prompt"]?.GetValue<string>(),
            Seed = json["seed"]?.GetValue<long>(),
            ImageFormat = json["output_format"]?.GetValue<string>(),
        };
        if (string.IsNullOrEmpty(recorded.Text))
            failures.Add("prompt is required.");
        else if (recorded.Text.Length > StabilityMaxPromptLength)
            failures.Add($"prompt has {recorded.Text.Length} characters; at most {StabilityMaxPromptLength} allowed.");
        if (recorded.NegativeText?.Length > StabilityMaxPromptLength)
            failures.Add($"negative_prompt has {recorded.NegativeText.Length} characters; at most {StabilityMaxPromptLength} allowed.");
        if (recorded.Seed is < 0 or > StabilityMaxSeed)
            failures.Add($"seed {recorded.Seed} is outside 0-{StabilityMaxSeed}.");
        if (recorded.ImageFormat is not (null or "png" or "jpeg" or "webp"))
            failures.Add($"output_format '{recorded.ImageFormat}' is not png, jpeg or webp.");
        if (json["grow_mask"]?.GetValue<int>() is < 0 or > 20)
            failures.Add($"grow_mask {json["grow_mask"]} is outside 0-20.");

        using var image = DecodeBase64Image(json["image"], "image", failures);
        using var mask = DecodeBase64Image(json["mask"], "mask", failures);
        if (image is null || mask is null)
            return null;
        recorded = recorded with { ImageWidth = image.Width, ImageHeight = image.Height };
        if (image.Width < StabilityMinSide || image.Height < StabilityMinSide)
            failures.Add($"The image is {image.Width}x{image.Height}; each side must be at least {StabilityMinSide} px.");
        if ((long)image.Width * image.Height is < StabilityMinPixels or > StabilityMaxPixels)
            failures.Add($"The image has {(long)image.Width * image.Height} pixels; {StabilityMinPixels}-{StabilityMaxPixels} allowed.");
        if (Math.Max(image.Width, image.Height) > 2.5 * Math.Min(image.Width, image.Height))
            failures.Add($"The image is {image.Width}x{image.Height}; its aspect ratio must be between 1:2.5 and 2.5:1.");
        if (image.Width != mask.Width || image.Height != mask.Height)
        {
            failures.Add($"The image is {image.Width}x{image.Height} but the mask is {mask.Width}x{mask.Height}.");
            return null;
        }

        // Stability repaints WHITE (Nova Canvas black).
        if (CountPureBlackWhite(mask, White, failures) is not { } white)
            return null;
        recorded = recorded with { MaskedPixels = white };
        if (white == 0)
            failures.Add("The mask has no white pixels: Stability repaints WHITE and keeps black, so there is nothing to inpaint.");
        return Paint(image, mask, White, recorded.Text ?? "");
    }
}
