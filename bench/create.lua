-- wrk script: POST /api/v1/tasks with a bearer token (TOKEN in the env)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"title":"基准测试任务","lead":"HRB-DL","due":"2026-12-31"}'
