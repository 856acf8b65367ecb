using System.Text.Json.Serialization;

namespace CcapBot.Features.Partnering;

// Data of cards/partnering-notice.json: a title, a line, facts, a list of items with buttons, and buttons.
// Nulls are written (the template reads every property; the binder drops null properties afterwards).

public sealed record NoticeCardData
{
    public required string Title { get; init; }
    public string Text { get; init; } = "";
    /// <summary>Adaptive Card text color of <see cref="Text"/>: Default, Good, Attention, Warning.</summary>
    public string Color { get; init; } = "Default";
    public IReadOnlyList<NoticeFact> Facts { get; init; } = [];
    public IReadOnlyList<NoticeItem> Items { get; init; } = [];
    public string Note { get; init; } = "";
    public IReadOnlyList<NoticeButton> Buttons { get; init; } = [];
}

public sealed record NoticeFact(string Title, string Value);

public sealed record NoticeItem(string Title, string Detail, IReadOnlyList<NoticeButton> Buttons);

/// <summary>A button running <see cref="Verb"/> for a partnership or an application.</summary>
public sealed record NoticeButton(string Title, string Verb, int? Partnership = null, int? Application = null);

/// <summary>A title and a value (FactSet rows) on partnering cards.</summary>
public sealed record CardFact(string Title, string Value);

/// <summary>A choice of an Input.ChoiceSet.</summary>
public sealed record CardOption(string Title, string Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NoticeCardData))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class PartneringJsonContext : JsonSerializerContext;
