using System.Globalization;
using System.Text.Json;
using CcapBot.Domain;
using CcapBot.Features.Tracking;

namespace CcapBot.Features.CheckIns;

/// <summary>One open activity on a check-in card.</summary>
public sealed record CheckInItem(int ActivityId, int Number, string Title, DateOnly DueDate, ActivityStatus Status);

/// <summary>The check-in card: one owner's open activities of one partnership, each with a status choice and a note.</summary>
public static class CheckInCards
{
    public const string StatusPrefix = "status_";
    public const string NotePrefix = "note_";

    public static JsonElement Card(TrackingCards cards, string language, bool universalActions, PartnershipLabel partnership,
        IReadOnlyList<CheckInItem> activities, string arg, string topic, string key, DateOnly today, string error = "")
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(partnership);
        var data = new CheckInCardData
        {
            Title = cards.Format(language, "Tracking.CheckIn.Title", partnership.Name(language)),
            Intro = cards.Get(language, "Tracking.CheckIn.Intro"),
            Error = error,
            Activities = [.. activities.Select(a => new CheckInActivity(
                cards.ActivityHeading(language, a.Number, a.Title),
                cards.Due(language, a.DueDate, today),
                StatusPrefix + a.ActivityId.ToString(CultureInfo.InvariantCulture),
                NotePrefix + a.ActivityId.ToString(CultureInfo.InvariantCulture),
                a.Status.ToString()))],
            Choices = [.. Enum.GetValues<ActivityStatus>().Select(s => new CheckInChoice(cards.Status(language, s), s.ToString()))],
            StatusLabel = cards.Get(language, "Tracking.CheckIn.Status"),
            NoteLabel = cards.Get(language, "Tracking.CheckIn.Note"),
            NotePlaceholder = cards.Get(language, "Tracking.CheckIn.NotePlaceholder"),
            SubmitLabel = cards.Get(language, "Tracking.CheckIn.Submit"),
            Arg = arg,
            Snoozes = cards.SnoozeButtons(language, topic, key),
        };
        return cards.CheckIn(data, universalActions);
    }
}
