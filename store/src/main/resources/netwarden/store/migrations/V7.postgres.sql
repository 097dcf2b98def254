-- The server's pages filter by agent.
CREATE INDEX events_agent_ts ON events (agent, ts_ms);
CREATE INDEX incidents_agent_start ON incidents (agent, start_ms);
