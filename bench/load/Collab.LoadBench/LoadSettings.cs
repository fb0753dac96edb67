namespace Collab.LoadBench;

/// <summary>R rooms × C clients, each sending U edits per second for the given seconds.</summary>
public sealed record LoadSettings(int Rooms, int Clients, double Rate, int Seconds)
{
    public static LoadSettings Parse(string[] args)
    {
        int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
        return new LoadSettings(Arg("--rooms", 100), Arg("--clients", 10), Arg("--rate", 2), Arg("--seconds", 20));
    }

    public override string ToString() => $"{Rooms} rooms x {Clients} clients x {Rate} edits/s for {Seconds} s";
}
