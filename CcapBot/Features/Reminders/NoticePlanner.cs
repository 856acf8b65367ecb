using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.CheckIns;
using CcapBot.Features.Tracking;
using CcapBot.Localization;

namespace CcapBot.Features.Reminders;

/// <summary>
/// One message the scheduler means to send: to whom, from when (<see cref="Release"/>; delivery then waits for the
/// recipient's working hours), and before when it is still worth sending. <see cref="Key"/> is the outbox
/// idempotency key: the same occasion for the same person always has the same key.
/// </summary>
internal sealed record Notice(string Key, string Topic, Recipient To, DateTimeOffset Release, DateTimeOffset? Before, string ContentKey, Func<Recipient, JsonElement> Render);

/// <summary>
/// Turns what a tick read into the messages whose occasion falls in the tick's window. Pure: no I/O, so a tick's
/// cost is the queries of <see cref="TickFacts"/> plus this loop. Every occasion is an instant computed from the
/// data (a due date's midnight in the owner city's zone, a launch meeting's start minus a day, activation plus
/// whole check-in cadences, Monday morning in the coordinator's zone…); the window decides whether it is this
/// tick's to announce.
/// </summary>
internal sealed class NoticePlanner(
    TickFacts facts,
    TickWindow window,
    SchedulerOptions options,
    IReadOnlyList<Recipient> representatives,
    IReadOnlyList<Recipient> coordinators,
    TrackingCards cards)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly Dictionary<int, TimeZoneInfo> _cityZones = [];
    private readonly ILookup<int, Recipient> _byCity = representatives.Where(r => r.CityId is not null).ToLookup(r => r.CityId!.Value);
    private readonly Dictionary<int, PartnershipLabel> _labels = [];
    private readonly Dictionary<int, PartnershipRow> _partnerships = facts.Partnerships.ToDictionary(p => p.Id);

    public List<Notice> Plan()
    {
        var notices = new List<Notice>();
        ActivityReminders(notices, _partnerships);
        CheckIns(notices);
        MeetingReminders(notices);
        if (coordinators.Count > 0)
        {
            ReviewsWaiting(notices, facts.Registrations, "registration", "regwait");
            ReviewsWaiting(notices, facts.Applications, "application", "appwait");
            PartnershipWatch(notices);
            Digest(notices);
        }
        return notices;
    }

    private void ActivityReminders(List<Notice> notices, Dictionary<int, PartnershipRow> partnerships)
    {
        var now = window.Until;
        foreach (var activity in facts.Activities)
        {
            if (!partnerships.ContainsKey(activity.PartnershipId)) continue;
            var zone = CityZone(activity.OwnerCityId);
            var today = LocalDate(now, zone);
            var due = activity.DueDate;
            string? kind = null;
            string key = "";
            DateTimeOffset release = default;

            var soon = StartOf(due.AddDays(-options.DueSoonDays), zone);
            var dueStart = StartOf(due, zone);
            if (window.Contains(soon) && now < dueStart)
            {
                (kind, key, release) = ("DueSoon", $"due{options.DueSoonDays}:{activity.Id}:{Day(due)}", soon);
            }
            else if (window.Contains(dueStart) && now < StartOf(due.AddDays(1), zone))
            {
                (kind, key, release) = ("DueToday", $"due0:{activity.Id}:{Day(due)}", dueStart);
            }
            else if (today > due)
            {
                // The latest weekly occasion since the day after the due date.
                var repeat = (today.DayNumber - due.DayNumber - 1) / options.OverdueRepeatDays;
                var occasion = StartOf(due.AddDays(1 + repeat * options.OverdueRepeatDays), zone);
                if (window.Contains(occasion)) (kind, key, release) = ("Overdue", $"overdue:{activity.Id}:{Day(due)}:{repeat}", occasion);
            }
            if (kind is null) continue;

            var topic = Topics.Activity(activity.Id);
            var overdueDays = today.DayNumber - due.DayNumber;
            foreach (var to in _byCity[activity.OwnerCityId])
            {
                var fullKey = $"{key}:{to.Key}";
                notices.Add(new Notice(fullKey, topic, to, release, null, $"{kind}:{activity.Id}:{overdueDays}",
                    r => ActivityReminderCard(r, kind, activity, overdueDays, topic, fullKey)));
            }
        }
    }

    private JsonElement ActivityReminderCard(Recipient to, string kind, ActivityRow activity, int overdueDays, string topic, string key)
    {
        var lang = to.Language;
        var label = Label(activity.PartnershipId);
        var data = new NoticeCardData
        {
            Title = cards.Format(lang, $"Tracking.Reminder.{kind}.Title", activity.Number, activity.Title),
            Text = kind == "Overdue" ? cards.Format(lang, "Tracking.Reminder.Overdue.Text", overdueDays) : cards.Get(lang, $"Tracking.Reminder.{kind}.Text"),
            Facts =
            [
                new(cards.Get(lang, "Tracking.Fact.Partnership"), label.Name(lang)),
                new(cards.Get(lang, "Tracking.Fact.Activity"), cards.ActivityHeading(lang, activity.Number, activity.Title)),
                new(cards.Get(lang, "Tracking.Fact.Owner"), CityName(activity.OwnerCityId)),
                new(cards.Get(lang, "Tracking.Fact.Due"), cards.Date(lang, activity.DueDate)),
                new(cards.Get(lang, "Tracking.Fact.Status"), cards.Status(lang, activity.Status)),
            ],
            Actions = [cards.OpenButton(lang, activity.PartnershipId), .. cards.SnoozeButtons(lang, topic, key)],
        };
        return cards.Notice(data, to.UniversalActions);
    }

    private void CheckIns(List<Notice> notices)
    {
        var open = facts.Activities.ToLookup(a => a.PartnershipId);
        foreach (var partnership in facts.Partnerships)
        {
            if (TickFacts.CheckInRelease(partnership, window.Until) is not { } release || !window.Contains(release)) continue;
            var cycle = Day(release) + release.UtcDateTime.ToString("HHmm", Invariant);
            var topic = Topics.CheckIn(partnership.Id);
            foreach (var owned in open[partnership.Id].GroupBy(a => a.OwnerCityId))
            {
                var activities = owned.OrderBy(a => a.Number).ToList();
                foreach (var to in _byCity[owned.Key])
                {
                    var key = $"checkin:{partnership.Id}:{cycle}:{to.Key}";
                    notices.Add(new Notice(key, topic, to, release, null, $"checkin:{partnership.Id}:{owned.Key}:{cycle}",
                        r => CheckInCards.Card(cards, r.Language, r.UniversalActions, Label(partnership.Id),
                            [.. activities.Select(a => new CheckInItem(a.Id, a.Number, a.Title, a.DueDate, a.Status))],
                            $"{partnership.Id}:{cycle}", topic, key, LocalDate(window.Until, r.Hours.Zone))));
                }
            }
        }
    }

    private void MeetingReminders(List<Notice> notices)
    {
        foreach (var meeting in facts.Meetings)
        {
            var first = meeting.StartsAt - options.MeetingFirstReminder;
            var last = meeting.StartsAt - options.MeetingLastReminder;
            var occasions = new List<(string Kind, DateTimeOffset Release, DateTimeOffset Before)>();
            // The first reminder only while there is still time before the last one; the last one before the start.
            if (window.Contains(first)) occasions.Add(("MeetingFirst", first, last));
            if (window.Contains(last)) occasions.Add(("MeetingLast", last, meeting.StartsAt));
            if (occasions.Count == 0) continue;
            var topic = Topics.Meeting(meeting.Id);
            var participants = facts.Memberships[meeting.PartnershipId].SelectMany(m => _byCity[m.CityId]).ToList();
            foreach (var (kind, release, before) in occasions)
            {
                var prefix = kind == "MeetingFirst" ? "meet-first" : "meet-last";
                foreach (var to in participants)
                {
                    var key = $"{prefix}:{meeting.Id}:{meeting.Revision}:{to.Key}";
                    notices.Add(new Notice(key, topic, to, release, before, $"{kind}:{meeting.Id}:{meeting.Revision}",
                        r => MeetingCard(r, kind, meeting, topic, key)));
                }
            }
        }
    }

    private JsonElement MeetingCard(Recipient to, string kind, MeetingRow meeting, string topic, string key)
    {
        var lang = to.Language;
        var data = new NoticeCardData
        {
            Title = cards.Get(lang, $"Tracking.Reminder.{kind}.Title"),
            Text = Label(meeting.PartnershipId).Name(lang),
            Facts = [new(cards.Get(lang, "Tracking.Fact.Starts"), cards.Time(lang, to.Hours.Zone, meeting.StartsAt))],
            Links = meeting.JoinLink is { } link ? [new CardLink(cards.Get(lang, "Tracking.Join"), link)] : [],
            // A meeting reminder is not snoozed: the meeting will not wait.
            Actions = [cards.OpenButton(lang, meeting.PartnershipId)],
        };
        return cards.Notice(data, to.UniversalActions);
    }

    private void ReviewsWaiting(List<Notice> notices, IReadOnlyList<WaitingRow> waiting, string what, string prefix)
    {
        var first = TimeSpan.FromDays(options.ReviewWaitingDays);
        var week = TimeSpan.FromDays(7);
        foreach (var row in waiting)
        {
            var since = window.Until - (row.SubmittedAt + first);
            if (since < TimeSpan.Zero) continue;
            var repeat = (int)Math.Floor(since / week);
            var occasion = row.SubmittedAt + first + week * repeat;
            if (!window.Contains(occasion)) continue;
            var topic = $"tracking.{what}:{row.Id}";
            var days = (int)Math.Floor((window.Until - row.SubmittedAt).TotalDays);
            foreach (var to in coordinators)
            {
                var key = $"{prefix}:{row.Id}:{repeat}:{to.Key}";
                notices.Add(new Notice(key, topic, to, occasion, null, $"{prefix}:{row.Id}:{days}", r =>
                {
                    var lang = r.Language;
                    var kindName = cards.Get(lang, $"Tracking.Review.{what}.{row.Kind}");
                    return cards.Notice(new NoticeCardData
                    {
                        Title = cards.Format(lang, "Tracking.Review.Title", kindName, row.CityName),
                        Text = cards.Format(lang, "Tracking.Review.Text", days),
                        Facts = [new(cards.Get(lang, "Tracking.Fact.Submitted"), cards.Time(lang, r.Hours.Zone, row.SubmittedAt))],
                        Actions = cards.SnoozeButtons(lang, topic, key),
                    }, r.UniversalActions);
                }));
            }
        }
    }

    /// <summary>Stalled partnerships (no update for a while) and completion dates coming up.</summary>
    private void PartnershipWatch(List<Notice> notices)
    {
        foreach (var partnership in facts.Partnerships)
        {
            var stats = facts.Stats.GetValueOrDefault(partnership.Id);
            var topic = Topics.Partnership(partnership.Id);
            // Activities are written when the list is agreed, so their last update is never before activation.
            if (stats is { LastUpdateTicks: var lastTicks })
            {
                var last = new DateTimeOffset(lastTicks, TimeSpan.Zero);
                var occasion = last.AddDays(options.StalledDays);
                if (window.Contains(occasion))
                {
                    foreach (var to in coordinators)
                    {
                        var key = $"stalled:{partnership.Id}:{lastTicks}:{to.Key}";
                        notices.Add(new Notice(key, topic, to, occasion, null, $"stalled:{partnership.Id}:{lastTicks}",
                            r => PartnershipCard(r, "Stalled", partnership, stats, cards.Time(r.Language, r.Hours.Zone, last), topic, key)));
                    }
                }
            }
            if (partnership.CompletionDate is { } completion)
            {
                foreach (var to in coordinators)
                {
                    var occasion = StartOf(completion.AddDays(-options.CompletionWarningDays), to.Hours.Zone);
                    if (!window.Contains(occasion) || window.Until >= StartOf(completion, to.Hours.Zone)) continue;
                    var key = $"completion{options.CompletionWarningDays}:{partnership.Id}:{Day(completion)}:{to.Key}";
                    notices.Add(new Notice(key, topic, to, occasion, null, $"completion:{partnership.Id}:{Day(completion)}",
                        r => PartnershipCard(r, "Completion", partnership, stats, cards.Date(r.Language, completion), topic, key)));
                }
            }
        }
    }

    private JsonElement PartnershipCard(Recipient to, string kind, PartnershipRow partnership, ActivityStats? stats, string when, string topic, string key)
    {
        var lang = to.Language;
        return cards.Notice(new NoticeCardData
        {
            Title = cards.Format(lang, $"Tracking.Watch.{kind}.Title", options.StalledDays, options.CompletionWarningDays),
            Text = Label(partnership.Id).Name(lang),
            Facts =
            [
                new(cards.Get(lang, $"Tracking.Watch.{kind}.Fact"), when),
                new(cards.Get(lang, "Tracking.Fact.Progress"), cards.Format(lang, "Tracking.Progress", stats?.Done ?? 0, stats?.Total ?? 0)),
            ],
            Actions = [cards.OpenButton(lang, partnership.Id), .. cards.SnoozeButtons(lang, topic, key)],
        }, to.UniversalActions);
    }

    private void Digest(List<Notice> notices)
    {
        foreach (var to in coordinators)
        {
            var (date, occasion) = DigestOccasion(to.Hours.Zone, window.Until, options);
            if (!window.Contains(occasion)) continue;
            var key = $"digest:{Day(date)}:{to.Key}";
            notices.Add(new Notice(key, Topics.Digest, to, occasion, null, $"digest:{Day(date)}", r => DigestCard(r, Topics.Digest, key)));
        }
    }

    /// <summary>The latest digest occasion at or before <paramref name="now"/> in a zone: the digest day and time there.</summary>
    public static (DateOnly Date, DateTimeOffset Occasion) DigestOccasion(TimeZoneInfo zone, DateTimeOffset now, SchedulerOptions options)
    {
        var date = DateOnly.FromDateTime(ZonedTime.InZone(now, zone).DateTime);
        date = date.AddDays(-(((int)date.DayOfWeek - (int)options.DigestDay + 7) % 7));
        var occasion = ZonedTime.ToInstant(date, options.DigestTime, zone);
        if (occasion <= now) return (date, occasion);
        date = date.AddDays(-7);
        return (date, ZonedTime.ToInstant(date, options.DigestTime, zone));
    }

    private JsonElement DigestCard(Recipient to, string topic, string key)
    {
        var lang = to.Language;
        var open = facts.Activities.ToLookup(a => a.PartnershipId);
        var rows = facts.Partnerships.Select(p =>
        {
            var stats = facts.Stats.GetValueOrDefault(p.Id);
            var overdue = open[p.Id].Where(a => a.DueDate < LocalDate(window.Until, CityZone(a.OwnerCityId))).OrderBy(a => a.Number).ToList();
            var blocked = open[p.Id].Where(a => a.Status == ActivityStatus.Blocked).OrderBy(a => a.Number).ToList();
            return (Partnership: p, Stats: stats, Overdue: overdue, Blocked: blocked);
        }).ToList();
        var total = rows.Sum(r => r.Stats?.Total ?? 0);
        var done = rows.Sum(r => r.Stats?.Done ?? 0);
        var attention = rows
            .OrderByDescending(r => r.Overdue.Count + r.Blocked.Count)
            .ThenBy(r => r.Stats is { Total: > 0 } s ? (double)s.Done / s.Total : 1)
            .ThenBy(r => r.Partnership.Id)
            .Take(options.DigestPartnerships)
            .ToList();
        var sections = attention.Select(r =>
        {
            var facts = new List<CardFact>();
            foreach (var a in r.Overdue) facts.Add(new(cards.Get(lang, "Tracking.Digest.Overdue"), cards.ActivityHeading(lang, a.Number, a.Title) + " · " + cards.Date(lang, a.DueDate)));
            foreach (var a in r.Blocked) facts.Add(new(cards.Get(lang, "Tracking.Digest.Blocked"), cards.ActivityHeading(lang, a.Number, a.Title)));
            return new OverviewSection(Label(r.Partnership.Id).Name(lang), cards.Format(lang, "Tracking.Progress", r.Stats?.Done ?? 0, r.Stats?.Total ?? 0), facts);
        }).ToList();
        return cards.Overview(new OverviewCardData
        {
            Title = cards.Get(lang, "Tracking.Digest.Title"),
            Text = cards.Format(lang, "Tracking.Digest.Summary", rows.Count, done, total, rows.Sum(r => r.Overdue.Count), rows.Sum(r => r.Blocked.Count)),
            Sections = sections,
            Footer = rows.Count > sections.Count ? cards.Format(lang, "Tracking.Digest.More", rows.Count - sections.Count) : "",
            Actions = cards.SnoozeButtons(lang, topic, key),
        }, to.UniversalActions);
    }

    private PartnershipLabel Label(int partnershipId)
    {
        if (_labels.TryGetValue(partnershipId, out var label)) return label;
        var category = _partnerships.TryGetValue(partnershipId, out var p) && facts.Categories.TryGetValue(p.CategoryCode, out var c) ? c : null;
        label = PartnershipLabel.Build(partnershipId,
            facts.Memberships[partnershipId].Select(m => new CityOfPartnership(partnershipId, m.Role, CityName(m.CityId))),
            category?.NameEn ?? "", category?.NameVi ?? "");
        _labels[partnershipId] = label;
        return label;
    }

    private string CityName(int cityId) => facts.Cities.TryGetValue(cityId, out var city) ? city.Name : "?";

    private TimeZoneInfo CityZone(int cityId)
    {
        if (_cityZones.TryGetValue(cityId, out var zone)) return zone;
        zone = facts.Cities.TryGetValue(cityId, out var city) ? Conversations.Forms.TimeZones.TryFind(city.TimeZone) ?? TimeZoneInfo.Utc : TimeZoneInfo.Utc;
        _cityZones[cityId] = zone;
        return zone;
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ZonedTime.InZone(instant, zone).DateTime);

    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone) => ZonedTime.ToInstant(date, TimeOnly.MinValue, zone);

    private static string Day(DateOnly date) => date.ToString("yyyyMMdd", Invariant);

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd", Invariant);
}
