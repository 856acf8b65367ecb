using System.Data.Common;
using System.Diagnostics;
using CcapBot.Domain;
using CcapBot.Features.Reminders;
using CcapBot.Persistence;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CcapBot.Tests.Features.Tracking;

/// <summary>
/// The scheduler tick is set-based: its number of database commands does not grow with the number of partnerships,
/// activities or people (no query per partnership, per activity or per message).
/// </summary>
public sealed class SchedulerQueryCountTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OneTick_OverAFewHundredPartnerships_IssuesAsManyQueriesAsOverAFew()
    {
        var few = await MeasureAsync(partnerships: 3);
        var many = await MeasureAsync(partnerships: 300);

        output.WriteLine($"3 partnerships: {few.Commands} commands, {few.Result.Enqueued} messages, {few.Elapsed.TotalMilliseconds:F0} ms");
        output.WriteLine($"300 partnerships: {many.Commands} commands, {many.Result.Enqueued} messages, {many.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(few.Result.Enqueued > 0 && many.Result.Enqueued >= 50 * few.Result.Enqueued, $"both ticks must send messages ({few.Result.Enqueued}, {many.Result.Enqueued})");
        Assert.Equal(few.Commands, many.Commands);
        Assert.InRange(many.Commands, 1, 30);
    }

    /// <summary>
    /// The benchmark's scale (10,000 partnerships × 6 activities, 2,000 cities), for measuring by hand:
    /// <c>dotnet test --filter "FullyQualifiedName~TenThousand" -- xUnit.Explicit=on</c>. Not a timed assertion.
    /// </summary>
    [Fact(Explicit = true)]
    public async Task TenThousandPartnerships_OneTick_Measured()
    {
        await using var world = await BotWorld.StartAsync(ActivePartnerships.Options(new FakeTimeProvider(Now)));
        var seeding = Stopwatch.StartNew();
        await world.SeedAsync(async seed =>
        {
            await seed.CoordinatorAsync(ActivePartnerships.CoordinatorUserId, "Asia/Bangkok");
            var people = new List<Person>();
            for (var c = 0; c < 2000; c++)
            {
                var city = await seed.CityAsync($"City {c}", c % 2 == 0 ? "VN" : "JP", c % 2 == 0 ? "Asia/Ho_Chi_Minh" : "Asia/Tokyo");
                people.Add(await seed.TeamsRepresentativeAsync(city, $"p{c}", city.TimeZone));
            }
            var db = seed.Db;
            db.ChangeTracker.Clear();
            var coordinator = PartnershipActor.Coordinator(ActivePartnerships.CoordinatorUserId);
            for (var i = 0; i < 10_000; i++)
            {
                // Activated over the last year; activities a month apart; those due before now mostly done.
                var activated = Now.AddDays(-(i % 365)).AddHours(-(i % 24));
                var today = DateOnly.FromDateTime(activated.UtcDateTime);
                var mentor = people[i % 1000 * 2 + 1];
                var learner = people[(i * 7) % 1000 * 2];
                var partnership = Partnership.Propose("Purpose", ActivePartnerships.Category, new PartnershipMember(mentor.CityId!.Value), [new PartnershipMember(learner.CityId!.Value)], coordinator, activated.AddDays(-2));
                partnership.Confirm(coordinator, activated.AddDays(-2));
                partnership.ScheduleLaunch(coordinator, new LaunchMeetingPlan(activated.AddDays(-1), 60, "Asia/Ho_Chi_Minh"), activated.AddDays(-2));
                partnership.MarkLaunchHeld(coordinator, 1, activated.AddDays(-1).AddHours(2));
                ActivePartnerships.Agree(partnership, mentor, learner,
                    [.. Enumerable.Range(1, 6).Select(n => ($"Activity {n}", n % 2 == 0 ? mentor : learner, today.AddDays(30 * n)))], today.AddDays(200), activated);
                foreach (var activity in partnership.LiveActivities.Where(a => a.DueDate < DateOnly.FromDateTime(Now.UtcDateTime) && (a.Id + i) % 10 < 7).ToList())
                    partnership.UpdateActivity(coordinator, activity.Number, ActivityStatus.Done, null, "msteams", activated);
                db.Partnerships.Add(partnership);
                if (i % 500 == 499)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
        });
        seeding.Stop();

        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<SqliteCcapDbContext>().UseSqlite($"Data Source={world.Bot.DatabaseFile}").AddInterceptors(counter).Options;
        await using var db = new SqliteCcapDbContext(options);
        var tick = world.Bot.Services.GetRequiredService<SchedulerTick>();
        var watch = Stopwatch.StartNew();
        var result = await tick.RunAsync(db, Now, TestContext.Current.CancellationToken);
        watch.Stop();
        output.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:F0} s; tick over 10,000 partnerships: {watch.Elapsed.TotalMilliseconds:F0} ms, {counter.Count} commands, {result.Enqueued} messages ({result.Dropped} dropped)");
        var again = Stopwatch.StartNew();
        var second = await tick.RunAsync(db, Now.AddMinutes(1), TestContext.Current.CancellationToken);
        output.WriteLine($"next tick (1 minute later): {again.Elapsed.TotalMilliseconds:F0} ms, {second.Enqueued} messages");
    }

    private static async Task<(int Commands, TickResult Result, TimeSpan Elapsed)> MeasureAsync(int partnerships)
    {
        await using var world = await BotWorld.StartAsync(ActivePartnerships.Options(new FakeTimeProvider(Now)));
        await world.SeedAsync(async seed =>
        {
            await seed.CoordinatorAsync(ActivePartnerships.CoordinatorUserId, "Asia/Bangkok");
            // Activated two weeks ago (a check-in falls in the tick), activities due from last week to five months ahead.
            var activated = Now.AddDays(-14).AddHours(-1);
            var today = DateOnly.FromDateTime(activated.UtcDateTime);
            for (var i = 0; i < partnerships; i++)
            {
                var mentorCity = await seed.CityAsync($"Mentor {i}", "JP", "Asia/Tokyo");
                var learningCity = await seed.CityAsync($"Learner {i}", "VN", "Asia/Ho_Chi_Minh");
                var mentor = await seed.TeamsRepresentativeAsync(mentorCity, $"m{i}", "Asia/Tokyo");
                var learner = await seed.TeamsRepresentativeAsync(learningCity, $"l{i}", "Asia/Ho_Chi_Minh");
                await seed.ActivePartnershipAsync(mentor, learner,
                    [.. Enumerable.Range(0, 6).Select(n => ($"Activity {n + 1}", n % 2 == 0 ? learner : mentor, today.AddDays(7 + n * 30)))], today.AddMonths(7), activated);
            }
        });

        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<SqliteCcapDbContext>().UseSqlite($"Data Source={world.Bot.DatabaseFile}").AddInterceptors(counter).Options;
        await using var db = new SqliteCcapDbContext(options);
        var tick = world.Bot.Services.GetRequiredService<SchedulerTick>();
        var watch = Stopwatch.StartNew();
        var result = await tick.RunAsync(db, Now, TestContext.Current.CancellationToken);
        watch.Stop();
        Assert.False(result.Skipped);
        return (counter.Count, result, watch.Elapsed);
    }

    /// <summary>Counts every command sent to the database (queries, inserts, updates).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
