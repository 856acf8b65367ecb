using System.Text.Json.Serialization;

namespace CcapBot.Features.Tracking;

/// <summary>A button of a tracking card: its verb (<see cref="TrackingVerbs"/>) and one argument.</summary>
public sealed record CardButton(string Title, string Verb, string Arg);

public sealed record CardFact(string Title, string Value);

public sealed record CardLink(string Title, string Url);

/// <summary>cards/tracking-notice.json: reminders, questions, outcomes, recognition.</summary>
public sealed record NoticeCardData
{
    public required string Title { get; init; }
    public string Text { get; init; } = "";
    public IReadOnlyList<CardFact> Facts { get; init; } = [];
    /// <summary>Shown after a button was pressed, in place of the buttons.</summary>
    public string Outcome { get; init; } = "";
    public string OutcomeColor { get; init; } = "Good";
    /// <summary>Buttons that open a web page (a meeting's join link, a download).</summary>
    public IReadOnlyList<CardLink> Links { get; init; } = [];
    public IReadOnlyList<CardButton> Actions { get; init; } = [];
}

/// <summary>cards/tracking-checkin.json: one owner's open activities, a status and a note each.</summary>
public sealed record CheckInCardData
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public string Error { get; init; } = "";
    public required IReadOnlyList<CheckInActivity> Activities { get; init; }
    public required IReadOnlyList<CheckInChoice> Choices { get; init; }
    public required string StatusLabel { get; init; }
    public required string NoteLabel { get; init; }
    public required string NotePlaceholder { get; init; }
    public required string SubmitLabel { get; init; }
    /// <summary>What the submit button carries: "{partnershipId}:{cycle}".</summary>
    public required string Arg { get; init; }
    public IReadOnlyList<CardButton> Snoozes { get; init; } = [];
}

/// <param name="StatusId">Input id: "status_{activityId}".</param>
/// <param name="NoteId">Input id: "note_{activityId}".</param>
public sealed record CheckInActivity(string Heading, string Detail, string StatusId, string NoteId, string Status);

public sealed record CheckInChoice(string Title, string Value);

/// <summary>cards/tracking-overview.json: activities of partnerships ("my activities", Open) and the weekly digest.</summary>
public sealed record OverviewCardData
{
    public required string Title { get; init; }
    public string Text { get; init; } = "";
    public required IReadOnlyList<OverviewSection> Sections { get; init; }
    public string Footer { get; init; } = "";
    public IReadOnlyList<CardButton> Actions { get; init; } = [];
}

public sealed record OverviewSection(string Heading, string Detail, IReadOnlyList<CardFact> Facts);

/// <summary>Details of a tracking audit entry (never free text: no notes).</summary>
public sealed record TrackingAudit(int? ActivityId = null, string? Status = null, int? Updates = null, string? Channel = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NoticeCardData))]
[JsonSerializable(typeof(CheckInCardData))]
[JsonSerializable(typeof(OverviewCardData))]
[JsonSerializable(typeof(TrackingAudit))]
public sealed partial class TrackingJsonContext : JsonSerializerContext;
