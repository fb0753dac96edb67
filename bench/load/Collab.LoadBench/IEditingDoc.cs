namespace Collab.LoadBench;

/// <summary>What one simulated client edits and receives; the workload decides what an edit is and how receipt is measured.</summary>
public interface IEditingDoc
{
    /// <summary>The next edit's update, stamped with a fresh edit id; null when this client does not edit or the run's capacity is spent.</summary>
    byte[]? Edit(out long id);

    /// <summary>An update the server sent. Called from one receive loop.</summary>
    void ApplyRemote(byte[] update);

    byte[] StateVector();

    byte[] Diff(byte[] stateVector);
}
