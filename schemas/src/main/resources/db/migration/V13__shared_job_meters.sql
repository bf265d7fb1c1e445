-- The API's shared job meters (SharedJobMeters) query these every few seconds on each replica: keep them index
-- scans however long the history grows.
CREATE INDEX comparison_active ON comparison (status) WHERE status IN ('planned', 'running');
CREATE INDEX batch_step_execution_active ON batch_step_execution (status) WHERE status IN ('STARTING', 'STARTED');
CREATE INDEX sheet_pair_result_updated ON sheet_pair_result (updated_at);
