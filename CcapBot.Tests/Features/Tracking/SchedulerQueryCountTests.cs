using System.Data.Common;
using System.Diagnostics;
using CcapBot.Bench;
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
}
