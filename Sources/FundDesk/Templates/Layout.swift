/// The frame of every page: the top bar (the user, the organisation switcher, 退出), the
/// organisation's menu, and the login and error pages.
enum Layout {
    static let templates: [String: String] = [
        "head": head, "foot": foot, "login": login, "error": error,
    ]

    static let head = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · 工会经费账务</title>
        <link rel="stylesheet" href="/assets/desk.css">
        <script src="/assets/desk.js" defer></script>
        </head>
        <body>
        {{#frame}}
        <header class="topbar">
          <a class="brand" href="/">工会经费账务</a>
          {{#org}}<span class="org-name">{{name}}</span>{{/org}}
          <form class="switcher" method="get" action="/go">
            <label for="org-switch">单位</label>
            <select id="org-switch" name="org" class="auto-submit">
              {{#orgs}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}} {{name}}</option>{{/orgs}}
            </select>
            <button type="submit" class="small">切换</button>
          </form>
          {{#administrator}}<a class="admin-link" href="/users">用户与权限</a>{{/administrator}}
          <span class="who">{{user}}</span>
          <form class="logout" method="post" action="/logout">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <button type="submit" class="link">退出</button>
          </form>
        </header>
        {{#org}}
        <nav class="menu">
          {{#menu}}<a href="/orgs/{{code}}/{{path}}"{{#current}} class="current"{{/current}}>{{title}}</a>{{/menu}}
        </nav>
        {{/org}}
        {{/frame}}
        <main>
        """

    static let foot = """
        </main>
        </body>
        </html>
        """

    static let login = """
        {{> head}}
        <section class="login">
          <h1>工会经费账务系统</h1>
          <p class="hint">请使用账套管理员为您设置的用户名和密码登录。</p>
          {{#message}}<p class="error" role="alert">{{message}}</p>{{/message}}
          <form method="post" action="/login">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>用户名 <input name="user" value="{{user_name}}" autocomplete="username" required autofocus></label>
            <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">登录</button>
          </form>
        </section>
        {{> foot}}
        """

    static let error = """
        {{> head}}
        <section class="error-page">
          <h1>{{title}}</h1>
          <p class="error" role="alert">{{message}}</p>
          <p>{{#loggedIn}}<a href="/">返回首页</a>{{/loggedIn}}{{^loggedIn}}<a href="/login">前往登录</a>{{/loggedIn}}</p>
        </section>
        {{> foot}}
        """
}
