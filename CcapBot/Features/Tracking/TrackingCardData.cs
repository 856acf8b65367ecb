using System.Text.Json.Serialization;
using CcapBot.Cards;

namespace CcapBot.Features.Tracking;

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
[JsonSerializable(typeof(CheckInCardData))]
[JsonSerializable(typeof(OverviewCardData))]
[JsonSerializable(typeof(TrackingAudit))]
public sealed partial class TrackingJsonContext : JsonSerializerContext;
