using System.Text.Json.Serialization;
using CcapBot.Cards;
using CcapBot.Features.Partnering;

namespace CcapBot.Features.ActionLists;

// Data of cards/action-list-start.json, action-list-editor.json and action-list.json. Nulls are written (the
// templates read every property; the binder drops null properties afterwards).

public sealed record StartCardData
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string TemplateLabel { get; init; }
    public required IReadOnlyList<CardOption> Templates { get; init; }
    public string? Template { get; init; }
    public required string UseLabel { get; init; }
    public required string ScratchLabel { get; init; }
    public int Partnership { get; init; }
}

public sealed record EditorCardData
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public string Error { get; init; } = "";
    public required IReadOnlyList<EditorRowData> Rows { get; init; }
    public required IReadOnlyList<CardOption> Owners { get; init; }
    public required string KeepLabel { get; init; }
    public required string TitleLabel { get; init; }
    public required string DescriptionLabel { get; init; }
    public required string OwnerLabel { get; init; }
    public required string DueLabel { get; init; }
    public required string CompletionLabel { get; init; }
    public string? Completion { get; init; }
    public required string AddLabel { get; init; }
    public bool CanAdd { get; init; }
    public required string ProposeLabel { get; init; }
    public int Partnership { get; init; }
    /// <summary>The agreed version the proposal changes; 0 for the first list.</summary>
    public int BasedOn { get; init; }
    /// <summary>Per row, where it comes from: "templateActivityId:revisedNumber" (0 for none).</summary>
    public required IReadOnlyList<string> Origins { get; init; }
}

/// <summary>One activity row of the editor; input ids carry the row number (a3_title, a3_due, …).</summary>
public sealed record EditorRowData
{
    public required string Heading { get; init; }
    public string Origin { get; init; } = "";
    public required string KeepId { get; init; }
    public required string Keep { get; init; }
    public required string TitleId { get; init; }
    public string? Title { get; init; }
    public required string DescriptionId { get; init; }
    public string? Description { get; init; }
    public required string OwnerId { get; init; }
    public string? Owner { get; init; }
    public required string DueId { get; init; }
    public string? Due { get; init; }
    public string Error { get; init; } = "";
}

/// <summary>One reader's copy of an action list version.</summary>
public sealed record ActionListCardData
{
    public required string Title { get; init; }
    public required string Subtitle { get; init; }
    public required string Status { get; init; }
    public string StatusColor { get; init; } = "Default";
    public required IReadOnlyList<ActionListItemData> Items { get; init; }
    public required string Completion { get; init; }
    public required string AgreementsLabel { get; init; }
    public required IReadOnlyList<CardFact> Agreements { get; init; }
    public string History { get; init; } = "";
    public bool CanAgree { get; init; }
    public string AgreeLabel { get; init; } = "";
    public bool CanChange { get; init; }
    public string ChangeLabel { get; init; } = "";
    public int Partnership { get; init; }
    public int Version { get; init; }
    public bool Refreshable { get; init; }
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];
}

public sealed record ActionListItemData(string Heading, string Detail, string Description);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StartCardData))]
[JsonSerializable(typeof(EditorCardData))]
[JsonSerializable(typeof(ActionListCardData))]
public sealed partial class ActionListCardsJsonContext : JsonSerializerContext;
