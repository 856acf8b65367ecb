using System.Text.Json.Serialization;

namespace CcapBot.Cards;

/// <summary>
/// Data of cards/notice.json, the card every feature tells something with: a title, a line, facts, a list of items
/// with their own buttons, an outcome (shown once a button was pressed, in place of the buttons), a note, and links
/// and buttons at the bottom. Nulls are written (the template reads every property; the binder drops null
/// properties afterwards).
/// </summary>
public sealed record NoticeCardData
{
    public const string Template = "notice";

    public required string Title { get; init; }
    public string Text { get; init; } = "";
    /// <summary>Adaptive Card text color of <see cref="Text"/>: Default, Good, Attention, Warning.</summary>
    public string Color { get; init; } = "Default";
    public IReadOnlyList<CardFact> Facts { get; init; } = [];
    public IReadOnlyList<NoticeItem> Items { get; init; } = [];
    public string Outcome { get; init; } = "";
    public string OutcomeColor { get; init; } = "Good";
    public string Note { get; init; } = "";
    /// <summary>Buttons that open a web page (a meeting's join link, a download).</summary>
    public IReadOnlyList<CardLink> Links { get; init; } = [];
    public IReadOnlyList<CardButton> Actions { get; init; } = [];
}

/// <summary>A title and a value (a FactSet row, or a labelled line).</summary>
public sealed record CardFact(string Title, string Value);

public sealed record NoticeItem(string Title, string Detail, IReadOnlyList<CardButton> Buttons);

public sealed record CardLink(string Title, string Url);

/// <summary>
/// A button running <see cref="Verb"/>, with what it acts on: a free argument (tracking), a partnership or an
/// application (partnering). What is null is left out of the action's data.
/// </summary>
public sealed record CardButton(string Title, string Verb, string? Arg = null, int? Partnership = null, int? Application = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NoticeCardData))]
public sealed partial class NoticeJsonContext : JsonSerializerContext;
