using System.Globalization;

namespace CcapBot.Features.Tracking;

/// <summary>Outbox topics of tracking messages: what a snooze defers and what a change makes obsolete.</summary>
public static class Topics
{
    public const string Prefix = "tracking.";
    public const string Digest = "tracking.digest";

    public static string Activity(int activityId) => $"tracking.activity:{activityId.ToString(CultureInfo.InvariantCulture)}";
    public static string CheckIn(int partnershipId) => $"tracking.checkin:{partnershipId.ToString(CultureInfo.InvariantCulture)}";
    public static string Meeting(int meetingId) => $"tracking.meeting:{meetingId.ToString(CultureInfo.InvariantCulture)}";
    public static string Partnership(int partnershipId) => $"tracking.partnership:{partnershipId.ToString(CultureInfo.InvariantCulture)}";
}
