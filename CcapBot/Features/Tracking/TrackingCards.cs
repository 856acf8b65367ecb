using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Domain;
using CcapBot.Localization;
using CcapBot.Protocol.Schema;

namespace CcapBot.Features.Tracking;

/// <summary>The tracking cards (cards/tracking-*.json) and the words and dates on them, in the reader's language.</summary>
public sealed class TrackingCards
{
    public const int SnoozeDay = 1;
    public const int SnoozeWeek = 7;
    private const int MaxCachedDates = 4096;

    private readonly CardBinder _cards;
    private readonly Localizer _text;
    private readonly CardSkeletons _skeletons;
    private readonly ConcurrentDictionary<(string, DateOnly), string> _dates = new();

    public TrackingCards(CardBinder cards, Localizer text)
    {
        _cards = cards;
        _text = text;
        _skeletons = new CardSkeletons(Full);
    }

    public Localizer Text => _text;

    public JsonElement Notice(NoticeCardData data, bool universalActions) => _skeletons.Bind(NoticeCardData.Template, data, universalActions, TrackingCardMarks.Notice);

    public JsonElement CheckIn(CheckInCardData data, bool universalActions) => _skeletons.Bind("tracking-checkin", data, universalActions, TrackingCardMarks.CheckIn);

    public JsonElement Overview(OverviewCardData data, bool universalActions) => _skeletons.Bind("tracking-overview", data, universalActions, TrackingCardMarks.Overview);

    /// <summary>A full binding of the template, without the skeleton cache (what the cache must equal).</summary>
    internal JsonElement Full(string template, object data, bool universalActions) => data switch
    {
        NoticeCardData notice => _cards.Bind(template, notice, NoticeJsonContext.Default.NoticeCardData, universalActions),
        CheckInCardData checkIn => _cards.Bind(template, checkIn, TrackingJsonContext.Default.CheckInCardData, universalActions),
        OverviewCardData overview => _cards.Bind(template, overview, TrackingJsonContext.Default.OverviewCardData, universalActions),
        _ => throw new ArgumentException($"No tracking card for {data.GetType().Name}.", nameof(data)),
    };

    public static Activity Message(JsonElement card, string language) =>
        new() { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)], Locale = Languages.Culture(language) };

    public string Get(string language, string key) => _text.Get(language, key);

    public string Format(string language, string key, params object?[] args) => _text.Format(language, key, args);

    public string Status(string language, ActivityStatus status) => _text.Get(language, $"Tracking.Status.{status}");

    public string Date(string language, DateOnly date)
    {
        // A scheduler tick formats the same few dates thousands of times.
        if (_dates.TryGetValue((language, date), out var text)) return text;
        text = date.ToString(_text.Get(language, "Tracking.DateFormat"), CultureInfo.GetCultureInfo(Languages.Culture(language)));
        if (_dates.Count > MaxCachedDates) _dates.Clear();
        _dates[(language, date)] = text;
        return text;
    }

    /// <summary>An instant as the reader's clock shows it, with the zone named.</summary>
    public string Time(string language, TimeZoneInfo zone, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = Domain.ZonedTime.InZone(instant, zone);
        return local.ToString(_text.Get(language, "Tracking.DateTimeFormat"), CultureInfo.GetCultureInfo(Languages.Culture(language))) + " (" + zone.Id + ")";
    }

    /// <summary>"due Mon 15 Mar 2027 (in 3 days)", relative to the reader's today.</summary>
    public string Due(string language, DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        var relative = days switch
        {
            0 => _text.Get(language, "Tracking.Due.Today"),
            1 => _text.Get(language, "Tracking.Due.Tomorrow"),
            > 1 => _text.Format(language, "Tracking.Due.InDays", days),
            -1 => _text.Get(language, "Tracking.Due.Yesterday"),
            _ => _text.Format(language, "Tracking.Due.DaysAgo", -days),
        };
        return _text.Format(language, "Tracking.Due", Date(language, due), relative);
    }

    public string ActivityHeading(string language, int number, string title) => _text.Format(language, "Tracking.ActivityHeading", number, title);

    public IReadOnlyList<CardButton> SnoozeButtons(string language, string topic, string key) =>
    [
        new(_text.Get(language, "Tracking.Snooze.Day"), TrackingVerbs.Snooze, $"{SnoozeDay}|{topic}|{key}"),
        new(_text.Get(language, "Tracking.Snooze.Week"), TrackingVerbs.Snooze, $"{SnoozeWeek}|{topic}|{key}"),
    ];

    public CardButton OpenButton(string language, int partnershipId) =>
        new(_text.Get(language, "Tracking.Open"), TrackingVerbs.Open, partnershipId.ToString(CultureInfo.InvariantCulture));
}
