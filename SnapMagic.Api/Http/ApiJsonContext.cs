using System.Text.Json;
using System.Text.Json.Serialization;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Http;

/// <summary>Source-generated JSON for the card and feedback contracts the Api reads and writes (HTTP bodies and hub payloads).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateCardRequest))]
[JsonSerializable(typeof(RateCardRequest))]
[JsonSerializable(typeof(CardAccepted))]
[JsonSerializable(typeof(CardView))]
[JsonSerializable(typeof(IReadOnlyList<CardView>))]
[JsonSerializable(typeof(CardAnimationView))]
[JsonSerializable(typeof(TypedFeedbackRequest))]
[JsonSerializable(typeof(FeedbackAccepted))]
[JsonSerializable(typeof(FeedbackView))]
[JsonSerializable(typeof(string))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
