namespace SnapMagic.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Absolute base URL browsers use for the Api (image links); the request's own base when unset.</summary>
    public Uri? PublicUrl { get; set; }
}
