namespace CcapBot.Features.LaunchMeetings;

/// <summary>Verbs of cards/launch-schedule.json and launch-meeting.json; templates use the same strings.</summary>
public static class LaunchVerbs
{
    /// <summary>Show the scheduling form: data <c>partnership</c> (optional).</summary>
    public const string Form = "launch.form";
    /// <summary>Schedule: inputs <c>partnership</c>, <c>date</c>, <c>time</c>, <c>duration</c>, <c>link</c>, <c>agenda</c>; data <c>zone</c>.</summary>
    public const string Schedule = "launch.schedule";
    /// <summary>Answer the invitation: data <c>partnership</c>, <c>meeting</c>, <c>revision</c>, <c>response</c>, <c>zone</c>; inputs <c>proposeDate</c>, <c>proposeTime</c>.</summary>
    public const string Rsvp = "launch.rsvp";
    /// <summary>Move the meeting: data <c>partnership</c>, <c>meeting</c>, <c>zone</c>; inputs <c>newDate</c>, <c>newTime</c>, <c>newDuration</c>.</summary>
    public const string Reschedule = "launch.reschedule";
    /// <summary>Call the meeting off: data <c>partnership</c>, <c>meeting</c>.</summary>
    public const string Cancel = "launch.cancel";
    /// <summary>Teams asks for the reader's current card (card refresh): data <c>partnership</c>, <c>meeting</c>.</summary>
    public const string Refresh = "launch.refresh";

    public static IReadOnlyList<string> All { get; } = [Form, Schedule, Rsvp, Reschedule, Cancel, Refresh];
}
