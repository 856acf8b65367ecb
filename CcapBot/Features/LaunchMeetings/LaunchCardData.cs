using System.Text.Json.Serialization;
using CcapBot.Cards;
using CcapBot.Features.Partnering;

namespace CcapBot.Features.LaunchMeetings;

// Data of cards/launch-schedule.json and cards/launch-meeting.json. Nulls are written (the templates read every
// property; the binder drops null properties afterwards).

public sealed record ScheduleCardData
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public string Error { get; init; } = "";
    public required string PartnershipLabel { get; init; }
    public required IReadOnlyList<CardOption> Partnerships { get; init; }
    public string? Partnership { get; init; }
    public required string DateLabel { get; init; }
    public string? Date { get; init; }
    public required string TimeLabel { get; init; }
    public string? Time { get; init; }
    public required string DurationLabel { get; init; }
    public required IReadOnlyList<CardOption> Durations { get; init; }
    public string? Duration { get; init; }
    public required string LinkLabel { get; init; }
    public string? Link { get; init; }
    public required string AgendaLabel { get; init; }
    public string? Agenda { get; init; }
    public required string ScheduleLabel { get; init; }
    public required string Zone { get; init; }
}

/// <summary>One reader's copy of the launch meeting invitation.</summary>
public sealed record MeetingCardData
{
    public required string Title { get; init; }
    public required string Subtitle { get; init; }
    public required string Status { get; init; }
    public string StatusColor { get; init; } = "Default";
    public required string WhenLabel { get; init; }
    public required string When { get; init; }
    public string YourTime { get; init; } = "";
    public required IReadOnlyList<CardFact> Facts { get; init; }
    public string Agenda { get; init; } = "";
    public string JoinLabel { get; init; } = "";
    public string JoinUrl { get; init; } = "";
    public required string Tally { get; init; }
    public IReadOnlyList<CardFact> Responses { get; init; } = [];
    public string YourAnswer { get; init; } = "";

    public bool CanRespond { get; init; }
    public string AcceptLabel { get; init; } = "";
    public string DeclineLabel { get; init; } = "";
    public string ProposeLabel { get; init; } = "";
    public string ProposeHint { get; init; } = "";
    public string ProposeDateLabel { get; init; } = "";
    public string ProposeTimeLabel { get; init; } = "";
    public string? ProposeDate { get; init; }
    public string? ProposeTime { get; init; }
    public string ProposeSendLabel { get; init; } = "";

    public bool CanManage { get; init; }
    public string RescheduleLabel { get; init; } = "";
    public string RescheduleHint { get; init; } = "";
    public string NewDateLabel { get; init; } = "";
    public string NewTimeLabel { get; init; } = "";
    public string NewDurationLabel { get; init; } = "";
    public string? NewDate { get; init; }
    public string? NewTime { get; init; }
    public string? NewDuration { get; init; }
    public IReadOnlyList<CardOption> Durations { get; init; } = [];
    public string RescheduleSendLabel { get; init; } = "";
    public string CancelLabel { get; init; } = "";
    public string CancelQuestion { get; init; } = "";
    public string CancelSendLabel { get; init; } = "";

    public int Partnership { get; init; }
    public int Meeting { get; init; }
    public int Revision { get; init; }
    /// <summary>The IANA zone the reader enters times in (their city's, or a coordinator's own).</summary>
    public required string Zone { get; init; }
    /// <summary>Teams: the card refreshes itself for these users (at most 60 MRIs); false elsewhere.</summary>
    public bool Refreshable { get; init; }
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ScheduleCardData))]
[JsonSerializable(typeof(MeetingCardData))]
public sealed partial class LaunchCardsJsonContext : JsonSerializerContext;
