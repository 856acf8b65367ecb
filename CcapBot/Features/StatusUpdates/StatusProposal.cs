using System.Text.Json;
using System.Text.Json.Serialization;
using CcapBot.Domain;

namespace CcapBot.Features.StatusUpdates;

/// <summary>
/// A change read back and waiting for the user: the status and note asked for, and either the activity
/// (<see cref="ActivityId"/>, waiting for yes) or the activities it could be (<see cref="Candidates"/>, waiting
/// for a choice).
/// </summary>
public sealed record StatusProposal
{
    public required ActivityStatus Status { get; init; }
    public string? Note { get; init; }
    public int? ActivityId { get; init; }
    public IReadOnlyList<int> Candidates { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, StatusUpdatesJsonContext.Default.StatusProposal);

    public static StatusProposal? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, StatusUpdatesJsonContext.Default.StatusProposal);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusProposal))]
internal sealed partial class StatusUpdatesJsonContext : JsonSerializerContext;
