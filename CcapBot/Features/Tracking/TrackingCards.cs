using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Domain;
using CcapBot.Localization;
using CcapBot.Protocol.Schema;

namespace CcapBot.Features.Tracking;

/// <summary>The tracking cards (cards/tracking-*.json) and the words and dates on them, in the reader's language.</summary>
public sealed class TrackingCards(CardBinder cards, Localizer text)
{
    public const int SnoozeDay = 1;
    public const int SnoozeWeek = 7;

    public Localizer Text => text;

    public JsonElement Notice(NoticeCardData data, bool universalActions) =>
        cards.Bind("tracking-notice", data, TrackingJsonContext.Default.NoticeCardData, universalActions);

    public JsonElement CheckIn(CheckInCardData data, bool universalActions) =>
        cards.Bind("tracking-checkin", data, TrackingJsonContext.Default.CheckInCardData, universalActions);

    public JsonElement Overview(OverviewCardData data, bool universalActions) =>
        cards.Bind("tracking-overview", data, TrackingJsonContext.Default.OverviewCardData, universalActions);

    public static Activity Message(JsonElement card, string language) =>
        new() { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)], Locale = Languages.Culture(language) };

    public string Get(string language, string key) => text.Get(language, key);

    public string Format(string language, string key, params object?[] args) => text.Format(language, key, args);

    public string Status(string language, ActivityStatus status) => text.Get(language, $"Tracking.Status.{status}");

    public string Date(string language, DateOnly date) =>
        date.ToString(text.Get(language, "Tracking.DateFormat"), CultureInfo.GetCultureInfo(Languages.Culture(language)));

    /// <summary>An instant as the reader's clock shows it, with the zone named.</summary>
    public string Time(string language, TimeZoneInfo zone, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = Domain.ZonedTime.InZone(instant, zone);
        return local.ToString(text.Get(language, "Tracking.DateTimeFormat"), CultureInfo.GetCultureInfo(Languages.Culture(language))) + " (" + zone.Id + ")";
    }

    /// <summary>"due Mon 15 Mar 2027 (in 3 days)", relative to the reader's today.</summary>
    public string Due(string language, DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        var relative = days switch
        {
            0 => text.Get(language, "Tracking.Due.Today"),
            1 => text.Get(language, "Tracking.Due.Tomorrow"),
            > 1 => text.Format(language, "Tracking.Due.InDays", days),
            -1 => text.Get(language, "Tracking.Due.Yesterday"),
            _ => text.Format(language, "Tracking.Due.DaysAgo", -days),
        };
        return text.Format(language, "Tracking.Due", Date(language, due), relative);
    }

    public string ActivityHeading(string language, int number, string title) => text.Format(language, "Tracking.ActivityHeading", number, title);

    public IReadOnlyList<CardButton> SnoozeButtons(string language, string topic, string key) =>
    [
        new(text.Get(language, "Tracking.Snooze.Day"), TrackingVerbs.Snooze, $"{SnoozeDay}|{topic}|{key}"),
        new(text.Get(language, "Tracking.Snooze.Week"), TrackingVerbs.Snooze, $"{SnoozeWeek}|{topic}|{key}"),
    ];

    public CardButton OpenButton(string language, int partnershipId) =>
        new(text.Get(language, "Tracking.Open"), TrackingVerbs.Open, partnershipId.ToString(CultureInfo.InvariantCulture));
}
